// The faults bench's scorekeeping: each attack either held (refused cleanly, nothing leaked, nothing lost) or was
// lost. Node only.

/** Runs `attack` and records whether it held; an exception is a loss, with its message. */
export async function tally(results, kind, attack) {
  const entry = (results[kind] ??= { tried: 0, held: 0, lost: 0, examples: [] });
  entry.tried += 1;
  try {
    const why = await attack();
    if (why === null) entry.held += 1;
    else {
      entry.lost += 1;
      if (entry.examples.length < 3) entry.examples.push(why);
    }
  } catch (error) {
    entry.lost += 1;
    if (entry.examples.length < 3) entry.examples.push(`threw: ${error instanceof Error ? error.message : error}`);
  }
}
