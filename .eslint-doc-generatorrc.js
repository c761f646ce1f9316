/** eslint-doc-generator: rule doc headers and the README's rule and config tables. `npm run check:docs` fails on drift. */
/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  // The flat configs mirror the legacy ones of the same name; list each config once.
  ignoreConfig: ['flat/recommended', 'flat/web', 'flat/scripts'],
  configEmoji: [
    ['recommended', '✅'],
    ['web', '🌐'],
    ['scripts', '🛠️'],
  ],
  ruleDocSectionInclude: ['Options', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'fixable', 'options'],
  urlConfigs: '#configs',
  ruleDocTitleFormat: 'prefix-name',
};
