// The team's result from everyone's responses: per characteristic the average, the spread
// (lowest and highest level), who scored what, and whether the team disagrees; the weakest
// characteristics first; and what moved since a saved result. Pure functions: node --test
// checks them.
//
// The rules are the handbook's own choice, written here once and shown on the page:
// - the team disagrees on a characteristic when two people's levels are DISAGREEMENT_GAP or
//   more apart (one says 1 "not yet", another 3 "mostly"): talk about it before acting on
//   the average;
// - a characteristic whose average is below ATTENTION_BELOW is one to work on, and its advice
//   is shown open.

/** Levels this far apart (or further) mean the team does not agree. */
export const DISAGREEMENT_GAP = 2;
/** An average below this is a point to work on. */
export const ATTENTION_BELOW = 3;
/** A change in the average smaller than this is "about the same". */
export const MOVE_THRESHOLD = 0.25;

/**
 * Per characteristic, in the order given: the ratings, their average and spread.
 * @param {object[]} responses
 * @param {string[]} characteristicIds the handbook's characteristics, in handbook order
 * @returns {Array<{id: string, ratings: Array<{response: string, name: string, level: number}>,
 *   notes: Array<{response: string, name: string, note: string}>, count: number,
 *   mean: (number|null), min: (number|null), max: (number|null), spread: number,
 *   disagree: boolean, attention: boolean}>}
 *   mean is unrounded (see roundMean); spread is max - min (0 with fewer than two ratings)
 */
export function summarise(responses, characteristicIds) {
  return characteristicIds.map((id) => {
    const ratings = [];
    const notes = [];
    for (const response of responses) {
      const rating = response.ratings[id];
      if (!rating) continue;
      if (Number.isInteger(rating.level)) ratings.push({ response: response.id, name: response.name, level: rating.level });
      if (rating.note) notes.push({ response: response.id, name: response.name, note: rating.note });
    }
    const count = ratings.length;
    if (!count) return { id, ratings, notes, count, mean: null, min: null, max: null, spread: 0, disagree: false, attention: false };
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const { level } of ratings) {
      sum += level;
      min = Math.min(min, level);
      max = Math.max(max, level);
    }
    const mean = sum / count;
    const spread = max - min;
    return { id, ratings, notes, count, mean, min, max, spread, disagree: count >= 2 && spread >= DISAGREEMENT_GAP, attention: mean < ATTENTION_BELOW };
  });
}

/**
 * An average as the page shows it: one decimal, rounded half up (2.25 → 2.3).
 * @param {number|null} mean
 * @returns {number|null}
 */
export function roundMean(mean) {
  return mean === null ? null : Math.round(mean * 10 + 1e-9) / 10;
}

/**
 * The characteristics from weakest to strongest: lowest average first; of equal averages the
 * one the team disagrees on more first, then handbook order. Characteristics nobody rated
 * come last, in handbook order.
 * @param {ReturnType<typeof summarise>} summaries
 * @returns {ReturnType<typeof summarise>} a new array
 */
export function weakestFirst(summaries) {
  const order = new Map(summaries.map((s, index) => [s.id, index]));
  return [...summaries].sort((a, b) => {
    if ((a.mean === null) !== (b.mean === null)) return a.mean === null ? 1 : -1;
    if (a.mean !== null && a.mean !== b.mean) return a.mean - b.mean;
    if (a.spread !== b.spread) return b.spread - a.spread;
    return order.get(a.id) - order.get(b.id);
  });
}

/**
 * What moved between a saved result and now, per characteristic (in the order of `now`).
 * @param {ReturnType<typeof summarise>} now
 * @param {ReturnType<typeof summarise>} then
 * @returns {Array<{id: string, before: (number|null), after: (number|null), change: (number|null),
 *   direction: "up"|"down"|"same"|"unrated"}>} before/after rounded as shown; change is
 *   after - before of the shown values; "unrated" when either side has no rating
 */
export function compare(now, then) {
  const earlier = new Map(then.map((s) => [s.id, s]));
  return now.map((s) => {
    const before = roundMean(earlier.get(s.id)?.mean ?? null);
    const after = roundMean(s.mean);
    if (before === null || after === null) return { id: s.id, before, after, change: null, direction: "unrated" };
    const change = Math.round((after - before) * 10) / 10;
    const direction = Math.abs(change) < MOVE_THRESHOLD ? "same" : change > 0 ? "up" : "down";
    return { id: s.id, before, after, change, direction };
  });
}

/**
 * How complete a response is: how many of the handbook's characteristics it rates.
 * @param {object} response
 * @param {string[]} characteristicIds
 * @returns {number}
 */
export function ratedCount(response, characteristicIds) {
  let count = 0;
  for (const id of characteristicIds) if (Number.isInteger(response.ratings[id]?.level)) count += 1;
  return count;
}
