/** One statement of a generated policy. */
export type PolicyStatement = {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string;
};

/** An IAM policy document. */
export type PolicyDocument = {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
};

/** A call or import the generator could not turn into IAM actions, and why. */
export type PolicyWarning = {
  /** The file, relative to the project directory when it is inside it. */
  file: string;
  line: number;
  column: number;
  reason: string;
};
