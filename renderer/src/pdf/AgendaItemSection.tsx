// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Text, View } from '@react-pdf/renderer';
import { ActionTable } from './ActionTable';
import type { MinutesItem } from './model';
import { RichBlocks } from './RichBlocks';
import { styles } from './styles';

function Empty({ text }: { text: string }) {
  return <Text style={[styles.paragraph, styles.muted]}>{text}</Text>;
}

/** One agenda item: the case by its pseudonym, notes, decisions, safety plan, actions, withheld information. */
export function AgendaItemSection({ item, number }: { item: MinutesItem; number: number }) {
  if (item.deleted === true) {
    return (
      <View>
        <Text style={styles.itemTitle} minPresenceAhead={60}>
          {number}. {item.caseLabel}
        </Text>
        <Empty text="Van deze casus is alleen het casusnummer bewaard: de rest is verwijderd na de bewaartermijn." />
      </View>
    );
  }
  return (
    <View>
      <Text style={styles.itemTitle} minPresenceAhead={60}>
        {number}. {item.caseLabel}
      </Text>

      {item.summary.length > 0 && (
        <>
          <Text style={styles.h3} minPresenceAhead={24}>Samenvatting</Text>
          <RichBlocks blocks={item.summary} />
        </>
      )}

      <Text style={styles.h3} minPresenceAhead={24}>Aantekeningen</Text>
      {item.notes.length > 0 ? <RichBlocks blocks={item.notes} /> : <Empty text="Geen aantekeningen." />}

      <Text style={styles.h3} minPresenceAhead={24}>Besluiten</Text>
      {item.decisions.length > 0 ? (
        <View style={styles.paragraph}>
          {item.decisions.map((decision, index) => (
            <View key={index} style={styles.listRow} wrap={false}>
              <Text style={styles.listMarker}>{`B${index + 1}`}</Text>
              <Text style={styles.listText}>{decision}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Empty text="Geen besluiten." />
      )}

      <Text style={styles.h3} minPresenceAhead={24}>Veiligheidsplan (zoals vastgesteld)</Text>
      {item.safetyPlan.length > 0 ? (
        item.safetyPlan.map((section, index) => (
          <View key={index}>
            <Text style={styles.h4} minPresenceAhead={20}>{section.sectionTitle}</Text>
            {section.blocks.length > 0 ? <RichBlocks blocks={section.blocks} /> : <Empty text="Niet ingevuld." />}
          </View>
        ))
      ) : (
        <Empty text="Geen veiligheidsplan vastgelegd." />
      )}

      <Text style={styles.h3} minPresenceAhead={40}>Acties</Text>
      <ActionTable actions={item.actions} withCase={false} />

      {item.withheld.length > 0 && (
        <>
          <Text style={styles.h3} minPresenceAhead={24}>Informatie niet gedeeld</Text>
          {item.withheld.map((note, index) => (
            <View key={index} style={styles.withheld} wrap={false}>
              <Text>
                <Text style={{ fontWeight: 700 }}>{note.orgName}: </Text>
                {note.text}
              </Text>
            </View>
          ))}
        </>
      )}
    </View>
  );
}
