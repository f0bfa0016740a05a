/**
 * Every command the extension contributes, in one table: package.json's `contributes.commands` (a unit test checks
 * they agree), the client's registrations, hover command links and the server's code actions all name them from here.
 */
export const COMMANDS = {
  openNote: 'cnc.openNote',
  reviewCards: 'cnc.reviewCards',
  reviewCardsChooseScope: 'cnc.reviewCardsChooseScope',
  showStudyStatistics: 'cnc.showStudyStatistics',
  exportHistory: 'cnc.exportHistory',
  importHistory: 'cnc.importHistory',
  exportCardsForAnki: 'cnc.exportCardsForAnki',
  pruneHistory: 'cnc.pruneHistory',
  optimizeScheduling: 'cnc.optimizeScheduling',
  openCodePlace: 'cnc.openCodePlace',
  showActivationTime: 'cnc.showActivationTime',
  searchConcepts: 'cnc.searchConcepts',
  refreshConcepts: 'cnc.refreshConcepts',
  reviewConcept: 'cnc.reviewConcept',
  explainManifest: 'cnc.explainManifest',
  convertIngressToGateway: 'cnc.convertIngressToGateway',
} as const;

