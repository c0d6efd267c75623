import { dateTimeFieldsIn } from './date-time-fields.js';

// Issue 29, item 7: the browser in en-US, the app in the other language (the test is in date-time-fields.ts).
dateTimeFieldsIn('en-US');
