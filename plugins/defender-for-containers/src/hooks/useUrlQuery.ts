import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';

/** Typing pauses this long before the URL, and so the backend, sees the search text. */
export const SEARCH_DEBOUNCE_MS = 300;

/** How a view's state is read from and written to the page's URL query. */
export interface UrlQueryCodec<Q extends { text: string }> {
  /** The state a URL describes; anything unknown or malformed falls back to the default. */
  parse(params: URLSearchParams): Q;
  /** Only what differs from the defaults, so plain links stay plain. */
  write(query: Q): URLSearchParams;
  /** The URL parameters `write` may set: only these are replaced, any others are kept. */
  keys: readonly string[];
  /** What every change resets unless the change sets it itself (the overview's page). */
  reset?: Partial<Q>;
}

export interface UrlQuery<Q extends { text: string }> {
  /** What the URL says. */
  query: Q;
  /**
   * Changes the view. Carries the search box's text along: a text still waiting for its debounce
   * is applied with the change, never after it, so it cannot undo what the change did.
   */
  update(change: Partial<Q>): void;
  /** What the search box shows (the URL's `text` once typing paused). */
  text: string;
  setText(text: string): void;
  /** Applies a pending search text now; true when there was one. */
  flush(): boolean;
}

/**
 * A view whose state lives in the URL (a reload or a shared link shows the same view), with a
 * debounced search box. Every write is a functional update of the latest parameters: a late
 * debounced write keeps what was set meanwhile. Typing replaces the history entry; every other
 * change adds one, so Back returns to the previous view.
 */
export function useUrlQuery<Q extends { text: string }>(
  codec: UrlQueryCodec<Q>,
): UrlQuery<Q> {
  const [params, setParams] = useAppSearchParams();
  const search = params.toString();
  const query = useMemo(
    () => codec.parse(new URLSearchParams(search)),
    [codec, search],
  );

  // The setter of the latest render: its functional updates start from the latest URL, where a
  // timer's closure would hold the URL of the render that started it.
  const latestSetParams = useRef(setParams);
  latestSetParams.current = setParams;
  // What is typed, read by changes made before the typing reached the URL.
  const typed = useRef(query.text);
  const [text, setTextState] = useState(query.text);
  const setText = useCallback((value: string) => {
    typed.current = value;
    setTextState(value);
  }, []);
  // Back and forward change the URL under the box: follow it.
  useEffect(() => {
    typed.current = query.text;
    setTextState(query.text);
  }, [query.text]);

  const write = useCallback(
    (change: Partial<Q>, replace: boolean) => {
      latestSetParams.current(
        previous => {
          const current = codec.parse(previous);
          const next = {
            ...current,
            ...codec.reset,
            text: typed.current,
            ...change,
          };
          const merged = new URLSearchParams(previous);
          codec.keys.forEach(key => merged.delete(key));
          codec.write(next).forEach((value, key) => merged.append(key, value));
          return merged;
        },
        { replace },
      );
    },
    [codec],
  );

  const update = useCallback(
    (change: Partial<Q>) => {
      // "Clear filters" empties the box too, also when its text never reached the URL.
      if (change.text !== undefined) setText(change.text);
      write(change, false);
    },
    [write, setText],
  );
  const latestQueryText = useRef(query.text);
  latestQueryText.current = query.text;
  const flush = useCallback(() => {
    if (typed.current === latestQueryText.current) return false;
    write({ text: typed.current } as Partial<Q>, true);
    return true;
  }, [write]);

  useEffect(() => {
    if (text === query.text) return undefined;
    const timer = setTimeout(flush, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query.text, flush]);

  return { query, update, text, setText, flush };
}
