// The document a page works on, in memory and in the browser's storage, kept in step with
// other tabs of the same page. No DOM: the page passes callbacks for what to show.
//
// Every change is a function from the document to the next one. When another tab saved
// in between, the change is applied again on top of what that tab saved, so neither tab's
// edit is lost. Data this page cannot read (broken, or saved by a newer version of the page)
// is never overwritten unless the user says so: saving pauses while it is there.

/**
 * @typedef {object} SessionEvents
 * @property {(kind: string, detail?: object) => void} status what happened to the last save:
 *   "saved", "memory" (storage blocked), "full", "limits" (the page would refuse to read it
 *   back), "paused" (unreadable or newer data is kept), "held" (such data was found: detail
 *   {kind: "unreadable"|"newer", raw}), "released" (it was replaced by readable data)
 * @property {(kind: string) => void} outside another tab changed the saved document: "adopted"
 *   (this page shows it now), "rebased" (this page's change was added on top of it),
 *   "cleared" (it removed the saved document)
 */

/**
 * @param {object} options
 * @param {object} options.store see storage.createStore
 * @param {(doc: object) => ({ok: true} | {ok: false, problem: string, path?: string})} options.check
 *   whether this page could read the document back (see documents.read)
 * @param {(doc: object) => object} options.fit the document as this page works with it (the
 *   same result in every tab, see state.fitToHandbook)
 * @param {() => object} options.fresh a new document, when nothing readable is saved
 * @param {SessionEvents} options.events
 * @param {(theirs: object, ours: object) => object} [options.keep] what this tab keeps of its own
 *   document when it takes another tab's: by default the plan it shows (a document with
 *   `plans` and `current`); another page passes its own rule
 * @returns {Readonly<object>}
 */
export function createSession({ store, check, fit, fresh, events, keep = keepCurrentPlan }) {
  let doc = null;
  let held = null; // {kind, raw} while unreadable or newer data sits in storage
  let pristine = false; // the document is a fresh one that was never saved

  /**
   * Read what is saved and start from it.
   * @returns {{status: string, moved?: boolean, from?: number}} see store.load
   */
  function start() {
    const loaded = store.load();
    if (loaded.status === "ok") {
      doc = fit(loaded.doc);
      // Data under an older key or in an older version is written back at once, as it is
      // read now, so the older key can go
      if (loaded.moved || loaded.from !== doc.version) persist(null);
    } else {
      doc = fresh();
      pristine = true;
      if (loaded.status === "unreadable" || loaded.status === "newer") hold(loaded);
      else if (loaded.status === "blocked") events.status("memory");
    }
    store.onExternalChange(onOutside);
    return loaded;
  }

  function hold(loaded) {
    held = { kind: loaded.status, raw: loaded.raw, problem: loaded.problem };
    events.status("held", held);
  }

  /** The document on screen now. */
  function current() {
    return doc;
  }

  /**
   * Apply a change and save it.
   * @param {(doc: object) => (object|null)} op the next document, or null for no change; it
   *   may run twice (again on another tab's newer document), so it must not have side effects
   * @returns {boolean} whether the document changed
   */
  function change(op) {
    const next = op(doc);
    if (!next || next === doc) return false;
    doc = next;
    persist(op);
    return true;
  }

  /**
   * Apply a change to one plan of the document.
   * @param {string} planId
   * @param {(plan: object) => (object|null)} op
   * @returns {boolean} whether the document changed
   */
  function changePlan(planId, op) {
    const local = doc.plans.find((p) => p.id === planId);
    const wasFresh = pristine;
    return change((d) => {
      // This page's plan is not in the document: another tab saved first. A fresh plan this
      // page never saved gives way to that tab's plan; one that was saved here was deleted
      // there meanwhile, and the edit brings it back rather than vanish
      const plan = d.plans.find((p) => p.id === planId) || (wasFresh ? d.plans.find((p) => p.id === d.current) : null);
      const next = op(plan || local);
      if (!next || next === plan) return null;
      if (plan) return { ...d, plans: d.plans.map((p) => (p.id === plan.id ? next : p)), current: wasFresh ? plan.id : d.current };
      return { ...d, plans: [...d.plans, next], current: doc.current === planId ? planId : d.current };
    });
  }

  function persist(op) {
    if (held) {
      events.status("paused");
      return;
    }
    const theirs = store.savedRevision();
    if (theirs > doc.revision) {
      // Another tab saved after this page last read: start from theirs, add this change
      const loaded = store.load();
      if (loaded.status !== "ok") {
        if (loaded.status === "unreadable" || loaded.status === "newer") hold(loaded);
        return;
      }
      const base = keepCurrent(fit(loaded.doc));
      doc = (op && op(base)) || base;
      events.outside("rebased");
    }
    const next = { ...doc, revision: Math.max(doc.revision, theirs) + 1, saved: new Date().toISOString() };
    // Never save what this page would refuse to read back: the next visit would lose it
    if (!check(next).ok) {
      events.status("limits");
      return;
    }
    doc = next;
    const result = store.save(doc);
    if (result.ok) pristine = false;
    events.status(result.ok ? "saved" : result.reason === "full" ? "full" : "memory");
  }

  function keepCurrent(next) {
    return keep(next, doc);
  }

  function onOutside(loaded) {
    if (loaded === null) {
      events.outside("cleared");
      return;
    }
    if (loaded.status !== "ok") {
      if (!held) hold(loaded);
      return;
    }
    doc = keepCurrent(fit(loaded.doc));
    pristine = false;
    if (held) {
      // Another tab replaced the unreadable data with a readable plan: save here again
      held = null;
      events.status("released");
    }
    events.outside("adopted");
  }

  /**
   * The user chose to replace the unreadable data this page kept: save the document now.
   * Never used for data of a newer version, which stays until that page is reloaded.
   */
  function overwriteHeld() {
    if (!held || held.kind !== "unreadable") return;
    held = null;
    // Whatever revision the unreadable text carried, write over it deliberately
    doc = { ...doc, revision: Math.max(doc.revision, store.savedRevision()) };
    persist(null);
  }

  return Object.freeze({ start, current, change, changePlan, overwriteHeld, held: () => held });
}

function keepCurrentPlan(theirs, ours) {
  return theirs.plans.some((p) => p.id === ours.current) ? { ...theirs, current: ours.current } : theirs;
}
