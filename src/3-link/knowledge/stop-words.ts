/**
 * Words that say nothing about which finding an action answers: English function words, the
 * verbs every plan uses ("ensure", "improve", "develop"), and the words every text of the field
 * shares ("children", "service", "council"). Stored as stems too, so any form of them is dropped.
 */
import { stemmer } from 'stemmer';

const WORDS = (
  'a about above after again all also an and any are as at be because been before being below between both but by can ' +
  'could did do does doing down during each few for from further had has have having here how i if in into is it its ' +
  'itself just more most no nor not now of off on once only or other our out over own same so some such than that the ' +
  'their them then there these they this those through to too under until up very was we were what when where which ' +
  'while who whom why will with would you your within across every ensure ensuring make sure improve improving ' +
  'improvement develop developing increase better good well including include includes use using children child ' +
  'young people person families family service services council local authority practice work working ' +
  'month monthly week weekly day daily year new set agree hold run give offer introduce require make ' +
  'time per cent key us must should may might shall via etc eg ie ' +
  // How inspectors weigh what they found (its consistency, its robustness), never what the work is.
  'consistency appropriateness robustness extent inconsistent inconsistency inconsistently inappropriate inappropriately robustly'
).split(' ');

export const STOP_WORDS: readonly string[] = [...new Set([...WORDS, ...WORDS.map((w) => stemmer(w))])];
