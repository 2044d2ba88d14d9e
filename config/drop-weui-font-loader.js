/* global module */
/**
 * Webpack loader for @tarojs/components' taro-components.css on H5: removes the `weui` icon
 * font (~6 KB of base64 in the first download, issue 9 item 16). Only Taro's Icon, Radio and
 * Checkbox components draw with it and the app uses none of them; Taro's toast and modal carry
 * their own font.
 */
module.exports = function dropWeuiFont(source) {
  return String(source).replace(/@font-face\{[^}]*font-family:\s*weui;[^}]*\}/, '');
};
