/**
 * The drop-in script: every element, with Lit and the SDK bundled in. A force's web team adds
 * `<script src="/widgets/victim-portal.js" defer></script>` and `<vp-portal api-base="/">`.
 */
import './index.js';
