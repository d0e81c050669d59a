/** Editor entry (placeholder until the editor lands). */
document.body.append('scoregraph');
export {};
