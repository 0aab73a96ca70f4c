import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { StatusOK, StatusWarning } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { FindingsSummary } from '@defender-backstage/plugin-defender-for-containers-common';
import { SeverityBars, StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { Subsection } from './Subsection';

/** Rows shown before "Show all": a connector may have hundreds of repositories. */
export const REPOSITORIES_SHOWN = 8;

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  table: { tableLayout: 'fixed', width: '100%' },
  cell: {
    overflowWrap: 'anywhere',
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
    verticalAlign: 'top',
  },
  numbers: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
}));

/** Counts by severity, per repository, and the worst findings with the version that fixes them. */
export function FindingsSection(props: { findings: FindingsSummary }) {
  const classes = useStyles();
  const { findings } = props;
  const [allRepositories, setAllRepositories] = useState(false);
  const total = totalOf(findings.totals);
  const narrowed = findings.narrowedTo?.length
    ? ` in ${findings.narrowedTo.join(', ')}`
    : '';

  // No assessment at all is not a clean bill of health: never say "no findings" then.
  if (findings.reported === false) {
    return (
      <div className={classes.section}>
        <StatusWarning>No findings data from Defender yet</StatusWarning>
        <Typography variant="body2" color="textSecondary">
          {findings.missingSince
            ? `Defender has reported no vulnerability assessment of this organization's images since the connector was created (${new Date(
                findings.missingSince,
              ).toLocaleDateString('en', { dateStyle: 'medium' })}). `
            : 'Defender has reported no vulnerability assessment of this organization’s images. '}
          The first results arrive within hours of onboarding when the Defender
          for Containers or Defender CSPM plan is on; if none come, the backend
          log says what Backstage queried and what Azure holds.
        </Typography>
      </div>
    );
  }

  if (total === 0) {
    return (
      <div className={classes.section}>
        <StatusOK>No open vulnerability findings{narrowed}</StatusOK>
      </div>
    );
  }

  const byRisk = [...findings.repositories].sort(
    (a, b) =>
      b.counts.critical - a.counts.critical ||
      b.counts.high - a.counts.high ||
      totalOf(b.counts) - totalOf(a.counts) ||
      a.repository.localeCompare(b.repository),
  );
  const repositories = allRepositories
    ? byRisk
    : byRisk.slice(0, REPOSITORIES_SHOWN);
  const maxRepo = Math.max(1, ...byRisk.map(r => totalOf(r.counts)));

  return (
    <>
      <Subsection title={`${total} open vulnerability findings${narrowed}`}>
        <SeverityBars counts={findings.totals} />
      </Subsection>

      {byRisk.length > 0 && (
        <Subsection title="By repository">
          <Table
            size="small"
            className={classes.table}
            aria-label="Findings by repository"
          >
            <colgroup>
              <col style={{ width: '38%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '20%' }} />
              <col style={{ width: '30%' }} />
            </colgroup>
            <TableHead>
              <TableRow>
                <TableCell className={classes.cell}>Repository</TableCell>
                <TableCell className={classes.cell} align="right">
                  Images
                </TableCell>
                <TableCell className={classes.cell} aria-hidden />
                <TableCell className={classes.cell}>Findings</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {repositories.map(r => (
                <TableRow key={r.repository}>
                  <TableCell className={classes.cell}>{r.repository}</TableCell>
                  <TableCell
                    className={`${classes.cell} ${classes.numbers}`}
                    align="right"
                  >
                    {r.images}
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <StackedSeverityBar counts={r.counts} max={maxRepo} />
                  </TableCell>
                  <TableCell className={classes.cell}>
                    {describeCounts(r.counts)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {byRisk.length > REPOSITORIES_SHOWN && (
            <Button size="small" onClick={() => setAllRepositories(v => !v)}>
              {allRepositories
                ? `Show the ${REPOSITORIES_SHOWN} most affected`
                : `Show all ${byRisk.length} repositories`}
            </Button>
          )}
        </Subsection>
      )}

      {findings.worst.length > 0 && (
        <Subsection title="Worst findings and their fixes">
          <Table
            size="small"
            className={classes.table}
            aria-label="Worst findings"
          >
            <colgroup>
              <col style={{ width: '40%' }} />
              <col style={{ width: '15%' }} />
              <col style={{ width: '17%' }} />
              <col style={{ width: '28%' }} />
            </colgroup>
            <TableHead>
              <TableRow>
                <TableCell className={classes.cell}>Finding</TableCell>
                <TableCell className={classes.cell}>Severity</TableCell>
                <TableCell className={classes.cell}>Fixed in</TableCell>
                <TableCell className={classes.cell}>Images</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {findings.worst.map(w => (
                <TableRow key={`${w.title}|${w.images.join(',')}`}>
                  <TableCell className={classes.cell}>{w.title}</TableCell>
                  <TableCell className={classes.cell}>{w.severity}</TableCell>
                  <TableCell className={classes.cell}>
                    {w.fixedVersion ?? 'no fix yet'}
                  </TableCell>
                  <TableCell className={classes.cell}>
                    {w.images.slice(0, 2).join(', ')}
                    {w.images.length > 2
                      ? ` and ${w.images.length - 2} more`
                      : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Subsection>
      )}
    </>
  );
}
