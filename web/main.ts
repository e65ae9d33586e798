/**
 * Browser test field entry. Starts the simulation worker first (`early-worker.ts`), then loads
 * the rest of the page as its own chunk (`boot.ts`): while three.js and the panels are fetched,
 * parsed and built on this thread, the worker fetches its own chunk and initialises the physics
 * on another. Until the first frame the page names the scenario and says it is loading physics
 * (`ui/boot-status.ts`); a page whose code cannot be loaded says so instead of staying blank.
 */
import './style.css';
import './streams/early-worker.ts';
import { showBootStatus } from './ui/boot-status.ts';
import { showFatal } from './ui/show-fatal.ts';

showBootStatus();
import('./boot.ts').catch(showFatal);
