/** A recruitment post's rubric (core/recruitment/model.ts) from criterion → weight, in the order written. */
export const rubric = (weights: Record<string, number>) => Object.entries(weights).map(([criterion, weight]) => ({ criterion, weight }));
