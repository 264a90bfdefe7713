// The secretary's path through the built app (tests/e2e/path.mjs): prints
// how many actions (clicks, fields filled, boxes ticked, options chosen,
// keys pressed) it takes from an empty browser to the printed vote-count
// minutes and the hand-over, outside the ballots and per booth ballot.
// Asserts nothing about them.
import { launch, serve, ready } from '../tests/e2e/harness.mjs';
import { playPath } from '../tests/e2e/path.mjs';

const server = await serve();
const { context } = await launch();
try {
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  const run = await playPath(page);
  console.log('secretary\'s path (seed meeting, empty browser → vote-count minutes → hand-over):');
  console.log(`  actions outside the ballots: ${run.path}`);
  console.log(`  actions per booth ballot:    ${run.perBallot} (${run.ballots} for 8 ballots)`);
} finally {
  await context.close();
  server.stop();
}
