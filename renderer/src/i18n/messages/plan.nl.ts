/** Dutch texts of the safety plan editor (registered as `plan` in nl.ts). */
export const planNl = {
  title: 'Veiligheidsplan',
  intro: 'Het plan waar alle partners vanuit werken. Wijzigingen zijn direct zichtbaar voor iedereen die deze casus open heeft.',
  readOnly: 'U kunt het veiligheidsplan lezen maar niet wijzigen.',
  editorLabel: 'Veiligheidsplan: {{section}}',
  toolbarLabel: 'Opmaak van {{section}}',
  empty: 'Nog niets ingevuld.',
  loading: 'Het veiligheidsplan wordt geladen…',
  missingSections: 'Dit veiligheidsplan is nog niet aangemaakt.',
  createSections: 'Veiligheidsplan aanmaken',
  bold: 'Vet',
  italic: 'Cursief',
  bulletList: 'Opsomming',
  orderedList: 'Genummerde lijst',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw',
  typing: '{{names}} typt hier',
};
