// Stylesheets are irrelevant to component tests (jest.config.js maps *.css here).
module.exports = {};
