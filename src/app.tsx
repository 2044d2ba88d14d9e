import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureCloud } from './services/transport';
// Order matters: tokens, then the shared field look, then rules that refine it (e.g. .input--error).
import './styles/tokens.css';
import './styles/inputs.css';
import './app.css';
import './styles/feedback.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: connect to the cloud environment once; a no-op on H5 (the local server).
    ensureCloud();
  });
  // children is the page being rendered
  return children;
}

export default App;
