/**
 * What the drop-in script loads first: `<vp-portal>` with the elements it shows before a case
 * (sign-in, case status, officer card, quick exit). `<vp-messages>` follows when the portal
 * opens a case, or at once when the page has one of its own.
 */
import './portal/portal.js';
import { loadMessages } from './messages/load.js';

if (document.querySelector('vp-messages')) void loadMessages();
