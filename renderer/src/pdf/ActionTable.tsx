// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Text, View } from '@react-pdf/renderer';
import { formatDutchDate } from './dutchDates';
import type { ActionRow, MinutesAction } from './model';
import { styles } from './styles';

const columns = {
  caseLabel: { flex: 1.6 },
  description: { flex: 3.2 },
  owner: { flex: 1.7 },
  org: { flex: 1.5 },
  due: { flex: 1.15 },
  status: { flex: 1.2 },
} as const;

type Row = MinutesAction & { caseLabel?: string };

/** Actions with owner, organisation, due date (dd-mm-jjjj) and status; optionally with the case. */
export function ActionTable({ actions, withCase }: { actions: Row[] | ActionRow[]; withCase: boolean }) {
  if (actions.length === 0) return <Text style={[styles.paragraph, styles.muted]}>Geen acties.</Text>;
  return (
    <View style={styles.table}>
      <View style={styles.tableHeader} wrap={false}>
        {withCase && <Text style={[styles.cell, columns.caseLabel]}>Casus</Text>}
        <Text style={[styles.cell, columns.description]}>Actie</Text>
        <Text style={[styles.cell, columns.owner]}>Eigenaar</Text>
        <Text style={[styles.cell, columns.org]}>Organisatie</Text>
        <Text style={[styles.cell, columns.due]}>Deadline</Text>
        <Text style={[styles.cell, columns.status]}>Status</Text>
      </View>
      {actions.map((action: Row, index) => (
        <View key={index} style={styles.tableRow} wrap={false}>
          {withCase && <Text style={[styles.cell, columns.caseLabel]}>{action.caseLabel ?? ''}</Text>}
          <Text style={[styles.cell, columns.description]}>{action.description}</Text>
          <Text style={[styles.cell, columns.owner]}>{action.ownerName}</Text>
          <Text style={[styles.cell, columns.org]}>{action.ownerOrgName}</Text>
          <Text style={[styles.cell, columns.due]}>{formatDutchDate(action.due)}</Text>
          <Text style={[styles.cell, columns.status]}>{action.statusLabel}</Text>
        </View>
      ))}
    </View>
  );
}
