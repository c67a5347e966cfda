// Pure operations on a self-assessment document: rating, naming, importing other people's
// responses (recognising the same response imported twice), removing and restoring them, and
// saving results to compare with later. No DOM, no storage: node --test checks them.
//
// Every function returns a new document and never changes its arguments. Anything random or
// time-bound (a new id, "now") is passed in, because a change may be applied twice: once on
// this tab's document and once more on what another tab saved meanwhile.

/**
 * The response this browser fills in, or null before its first rating.
 * @param {object} doc
 * @returns {object|null}
 */
export function myResponse(doc) {
  return doc.responses.find((r) => r.id === doc.mine) ?? null;
}

/**
 * Change this browser's own response, starting it if there is none yet.
 * @param {object} doc
 * @param {{id: string, now: string}} me the id to start a response with (used only when there
 *   is none) and the time of the change
 * @param {(response: object) => object} change the response with the change made
 * @returns {object}
 */
function changeMine(doc, { id, now }, change) {
  const current = myResponse(doc);
  const base = current ?? { id, name: "", updated: now, ratings: {} };
  const next = { ...change(base), updated: now };
  const responses = current ? doc.responses.map((r) => (r === current ? next : r)) : [...doc.responses, next];
  return { ...doc, mine: next.id, responses };
}

/**
 * Rate one characteristic in this browser's own response: a level, a note, or both. A
 * level of null takes the level away ("I don't know"); an empty note takes the note away.
 * @param {object} doc
 * @param {{id: string, now: string}} me see changeMine
 * @param {string} characteristic
 * @param {{level?: number|null, note?: string}} patch
 * @returns {object}
 */
export function setRating(doc, me, characteristic, patch) {
  return changeMine(doc, me, (response) => {
    const rating = { ...(response.ratings[characteristic] || {}), ...patch };
    if (!Number.isInteger(rating.level)) delete rating.level;
    if (!rating.note) delete rating.note;
    const ratings = { ...response.ratings };
    if (Object.keys(rating).length) ratings[characteristic] = rating;
    else delete ratings[characteristic];
    return { ...response, ratings };
  });
}

/**
 * Give this browser's own response a name (names are optional: "" is fine).
 * @param {object} doc
 * @param {{id: string, now: string}} me
 * @param {string} name already cleaned (see format.cleanText)
 * @returns {object}
 */
export function setName(doc, me, name) {
  if ((myResponse(doc)?.name ?? "") === name) return doc;
  return changeMine(doc, me, (response) => ({ ...response, name }));
}

/**
 * Whether two responses say the same: the same name and the same ratings and notes.
 * @param {object} a
 * @param {object} b
 * @returns {boolean}
 */
export function sameAnswers(a, b) {
  return a.name.trim() === b.name.trim() && canonical(a.ratings) === canonical(b.ratings);
}

function canonical(ratings) {
  return JSON.stringify(Object.keys(ratings).sort().map((id) => [id, ratings[id].level ?? null, ratings[id].note ?? ""]));
}

/**
 * What importing responses would do, one verdict per response, in order. A response is
 * recognised by its id (each person's response keeps its id on every export): the same
 * answers again are "same"; other answers are "newer" (they replace the ones here) or "older"
 * (they are left out), by the time they were last changed. A response with another id but the
 * same name and the same answers as one here is a "copy". Everything else is "new". Responses
 * earlier in `incoming` count as being here for the ones after them, so a file picked twice
 * is recognised too.
 * @param {object} doc
 * @param {object[]} incoming responses that match the schema
 * @returns {Array<{response: object, verdict: "new"|"same"|"newer"|"older"|"copy", replaces: (object|null), mine: boolean}>}
 *   replaces: the response here it matched; mine: it is (or replaces) this browser's own
 */
export function classifyIncoming(doc, incoming) {
  const here = [...doc.responses];
  return incoming.map((response) => {
    const match = here.find((r) => r.id === response.id);
    let verdict;
    if (match) {
      if (sameAnswers(match, response)) verdict = "same";
      else verdict = Date.parse(response.updated) > Date.parse(match.updated) ? "newer" : "older";
    } else if (response.name.trim() && here.some((r) => sameAnswers(r, response))) {
      verdict = "copy";
    } else {
      verdict = "new";
    }
    const copyOf = verdict === "copy" ? here.find((r) => sameAnswers(r, response)) : null;
    if (verdict === "new") here.push(response);
    if (verdict === "newer") here[here.indexOf(match)] = response;
    return { response, verdict, replaces: match ?? copyOf, mine: Boolean(doc.mine) && response.id === doc.mine };
  });
}

/**
 * The document with the new and newer responses of a classification added or put in place.
 * @param {object} doc
 * @param {Array<{response: object, verdict: string}>} verdicts see classifyIncoming
 * @returns {object}
 */
export function addResponses(doc, verdicts) {
  let responses = [...doc.responses];
  for (const { response, verdict } of verdicts) {
    if (verdict === "new" && !responses.some((r) => r.id === response.id)) responses.push(response);
    if (verdict === "newer") responses = responses.map((r) => (r.id === response.id ? response : r));
  }
  return { ...doc, responses };
}

/**
 * The document without one response, and what undo needs to put it back.
 * @param {object} doc
 * @param {string} responseId
 * @returns {{doc: object, removal: {response: object, index: number, mine: boolean}}|null} null
 *   when the response is not there
 */
export function removeResponse(doc, responseId) {
  const index = doc.responses.findIndex((r) => r.id === responseId);
  if (index < 0) return null;
  const mine = doc.mine === responseId;
  const next = { ...doc, responses: doc.responses.filter((r) => r.id !== responseId) };
  if (mine) delete next.mine;
  return { doc: next, removal: { response: doc.responses[index], index, mine } };
}

/**
 * Put a removed response back where it was, unless it is back already (imported again meanwhile).
 * @param {object} doc
 * @param {{response: object, index: number, mine: boolean}} removal
 * @returns {object|null} null when there is nothing to put back
 */
export function restoreResponse(doc, { response, index, mine }) {
  if (doc.responses.some((r) => r.id === response.id)) return null;
  const responses = [...doc.responses];
  responses.splice(Math.min(index, responses.length), 0, response);
  const next = { ...doc, responses };
  // This browser's own response again, unless the person has started a new one since
  if (mine && !doc.mine) next.mine = response.id;
  return next;
}

/**
 * Save the team's responses as they are now, as a result to compare with later. Results are
 * kept in date order (oldest first); one of the same date goes after the ones already there.
 * @param {object} doc
 * @param {{id: string, date: string, label: string}} snapshot date as YYYY-MM-DD
 * @returns {object}
 */
export function saveSnapshot(doc, { id, date, label }) {
  const entry = { id, date, label, responses: structuredClone(doc.responses) };
  const at = doc.history.findIndex((s) => s.date > date);
  const history = [...doc.history];
  history.splice(at < 0 ? history.length : at, 0, entry);
  return { ...doc, history };
}

/**
 * The document without one saved result, and what undo needs to put it back.
 * @param {object} doc
 * @param {string} snapshotId
 * @returns {{doc: object, removal: {snapshot: object, index: number}}|null}
 */
export function removeSnapshot(doc, snapshotId) {
  const index = doc.history.findIndex((s) => s.id === snapshotId);
  if (index < 0) return null;
  return { doc: { ...doc, history: doc.history.filter((s) => s.id !== snapshotId) }, removal: { snapshot: doc.history[index], index } };
}

/**
 * Put a removed saved result back, unless it is back already.
 * @param {object} doc
 * @param {{snapshot: object, index: number}} removal
 * @returns {object|null}
 */
export function restoreSnapshot(doc, { snapshot, index }) {
  if (doc.history.some((s) => s.id === snapshot.id)) return null;
  const history = [...doc.history];
  history.splice(Math.min(index, history.length), 0, snapshot);
  return { ...doc, history };
}

/**
 * Saved results from a file that are not here yet. The same result (same id, same date and
 * the same responses) is recognised and left out; a different one that happens to carry an id
 * in use gets a fresh id from `freshId`.
 * @param {object} doc
 * @param {object[]} incoming saved results that match the schema
 * @param {(taken: string[]) => string} freshId
 * @returns {object[]} the results to add, in the order given
 */
export function newSnapshots(doc, incoming, freshId) {
  const taken = doc.history.map((s) => s.id);
  const added = [];
  for (const snapshot of incoming) {
    const match = [...doc.history, ...added].find((s) => s.id === snapshot.id);
    if (match && sameSnapshot(match, snapshot)) continue;
    const id = match ? freshId([...taken, ...added.map((s) => s.id)]) : snapshot.id;
    added.push({ ...snapshot, id });
  }
  return added;
}

/**
 * The document with saved results added, in date order.
 * @param {object} doc
 * @param {object[]} snapshots see newSnapshots
 * @returns {object}
 */
export function addSnapshots(doc, snapshots) {
  let next = doc;
  for (const snapshot of snapshots) {
    const at = next.history.findIndex((s) => s.date > snapshot.date);
    const history = [...next.history];
    history.splice(at < 0 ? history.length : at, 0, snapshot);
    next = { ...next, history };
  }
  return next;
}

function sameSnapshot(a, b) {
  return a.date === b.date && a.responses.length === b.responses.length
    && a.responses.every((r, index) => r.id === b.responses[index].id && sameAnswers(r, b.responses[index]));
}
