// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Text, View } from '@react-pdf/renderer';
import type { RichBlock, TextRun } from './model';
import { styles } from './styles';

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, index) => (
        <Text
          key={index}
          style={{ fontWeight: run.bold ? 700 : 400, fontStyle: run.italic ? 'italic' : 'normal' }}
        >
          {run.text}
        </Text>
      ))}
    </>
  );
}

/** Rich text from the editors: headings, paragraphs and lists. */
export function RichBlocks({ blocks }: { blocks: RichBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return (
              <Text key={index} style={styles.h4} minPresenceAhead={24}>
                {block.text}
              </Text>
            );
          case 'paragraph':
            return (
              <Text key={index} style={styles.paragraph}>
                <Runs runs={block.runs} />
              </Text>
            );
          case 'list':
            return (
              <View key={index} style={styles.paragraph}>
                {block.items.map((item, itemIndex) => (
                  <View key={itemIndex} style={styles.listRow} wrap={false}>
                    <Text style={styles.listMarker}>{block.ordered ? `${itemIndex + 1}.` : '•'}</Text>
                    <Text style={styles.listText}>
                      <Runs runs={item} />
                    </Text>
                  </View>
                ))}
              </View>
            );
        }
      })}
    </>
  );
}
