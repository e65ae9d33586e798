/** The part of jstat (untyped CommonJS) the bench uses: Student's t distribution. */
declare module 'jstat' {
  const jstat: {
    studentt: {
      cdf(x: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
  };
  export default jstat;
}
