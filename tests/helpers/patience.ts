/**
 * How long the code under test may wait for one answer from a local server (a fake network, the
 * in-process PDS) before it gives the request up. Generous on purpose: on a busy 2-core machine the
 * PDS can take seconds to answer, and a test that races a short timeout fails for the machine's
 * sake, not the code's. Tests of the timeout itself pass their own short value against a server that
 * is slow or never answers.
 */
export const ANSWER_TIMEOUT_MS = 30_000;
