import SecurityIcon from '@material-ui/icons/Security';

/** The plugin's icon: page header and sidebar. */
export const defenderIcon = <SecurityIcon fontSize="inherit" />;
