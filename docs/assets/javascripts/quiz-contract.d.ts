// Generated from quiz/contract.py by the walk-away/contract plugin: do not edit.

export declare const ID_PATTERN: "^[a-z0-9]+(?:-[a-z0-9]+)*$";
export declare const MAX_SEED: 9007199254740991;
export declare const MAX_REQUEST: 64000;
export declare const MAX_ROUND: 100;
export declare const STALL_MS: 15000;
export declare const SAVED_VERSION: 3;
export declare const HISTORY_VERSION: 1;
export declare const REQUEST_TYPES: readonly ["score", "next-round", "warm"];
/** The id pattern (ID_PATTERN), compiled. */
export declare const ID: RegExp;
/** The whole contract as a JSON Schema; its $defs are the shapes below. */
export declare const SCHEMA: { $defs: Record<string, object> };

/** Each request type's reply. */
export interface ReplyTo {
  "score": ScoreReply;
  "next-round": NextRoundReply;
  "warm": WarmReply;
}

/** Every shape by its name in SCHEMA.$defs. */
export interface Shapes {
  Id: Id;
  Section: Section;
  Answers: Answers;
  Seed: Seed;
  ScoreRequest: ScoreRequest;
  NextRoundRequest: NextRoundRequest;
  WarmRequest: WarmRequest;
  Request: Request;
  ScoreReply: ScoreReply;
  NextRoundReply: NextRoundReply;
  WarmReply: WarmReply;
  ErrorReply: ErrorReply;
  Reply: Reply;
  FailureWord: FailureWord;
  WorkerError: WorkerError;
  ChosenOption: ChosenOption;
  QuestionResult: QuestionResult;
  SignProfile: SignProfile;
  MovesTally: MovesTally;
  SelfCheckSummary: SelfCheckSummary;
  SelfCheckResult: SelfCheckResult;
  Reason: Reason;
  AssessmentResult: AssessmentResult;
  Result: Result;
  HistoryEntry: HistoryEntry;
  RoundCounts: RoundCounts;
  SignProgress: SignProgress;
  Progress: Progress;
  SavedProgress: SavedProgress;
  PlannedRound: PlannedRound;
  SavedRounds: SavedRounds;
}

/** A bank, question, option, scenario, sign or section id. */
export type Id = string;

/** A section of the guide, linked from a result. */
export interface Section {
  id: Id;
  title: string;
  href: string;
}

/** {question id: [option id, ...]}: a form's answers. */
export type Answers = Record<string, Id[]>;

/** The tie-breaks' seed: a whole number a browser keeps exactly. */
export type Seed = number;

/** Score answers; with `round` (scenario ids) only that practice round counts, and the reply carries the history entry to keep. */
export interface ScoreRequest {
  type: "score";
  bank: Id;
  answers: Answers;
  round?: Id[];
}

/** Choose the reader's next practice round from their history. */
export interface NextRoundRequest {
  type: "next-round";
  bank: Id;
  history?: HistoryEntry[];
  seed?: Seed;
  size?: number;
}

/** Load a bank and run its scoring once, so the reader's first check is quick. */
export interface WarmRequest {
  type: "warm";
  bank: Id;
}

/** Everything the page asks of the engine. */
export type Request = ScoreRequest | NextRoundRequest | WarmRequest;

/** Scored answers. */
export interface ScoreReply {
  ok: true;
  result: Result;
  entry?: HistoryEntry;
}

/** The next round and the reader's progress so far. */
export interface NextRoundReply {
  ok: true;
  round: Id[];
  progress: Progress;
}

/** The bank is loaded. */
export interface WarmReply {
  ok: true;
}

/** The engine refused the request; Python keeps running. */
export interface ErrorReply {
  ok: false;
  error: string;
}

/** Every reply of the engine. */
export type Reply = ScoreReply | NextRoundReply | WarmReply | ErrorReply;

/** A failure the page words: its key in quiz/wording.py's PAGE (quiz-words.js, Failure). */
export type FailureWord = "failure.stalled" | "failure.slow" | "failure.no-wasm" | "failure.no-worker" | "failure.worker-stopped" | "failure.out-of-turn" | "failure.download";

/** The worker could not answer request `id`. With `engine`, the engine failed on it and Python keeps running; with `word` (and its `values`), the page words the failure and `message` is that key, never shown; otherwise `message` is Pyodide's or Python's own, shown as it came. */
export interface WorkerError {
  id: number;
  type: "error";
  message: string;
  engine?: true;
  word?: FailureWord;
  values?: Record<string, string | number>;
}

/** An option the reader chose, explained. */
export interface ChosenOption {
  id: Id;
  label: string;
  correct: boolean;
  explanation: string;
  section: Section;
}

/** One question's feedback. */
export interface QuestionResult {
  id: Id;
  kind: "single" | "multiple";
  answered: boolean;
  points: number;
  max_points: number;
  correct: boolean;
  verdict: string;
  chosen: ChosenOption[];
  missed: Id[];
  missed_labels: string[];
  right_answer: string;
}

/** How the reader did on one sign. */
export interface SignProfile {
  id: Id;
  name: string;
  section: Section;
  present: number;
  spotted: number;
  missed: number;
  flagged_absent: number;
  status: "strong" | "reread" | "untested";
  counts: string;
  summary: string;
}

/** The reader's moves: right, and each kind of wrong move. */
export interface MovesTally {
  answered: number;
  right: number;
  walked_away_too_soon: number;
  stayed_too_long: number;
  accepted_too_soon: number;
  missed_a_good_offer: number;
}

/** What the self-check's results say overall. */
export interface SelfCheckSummary {
  text: string;
  strengths: Id[];
  reread: Section[];
  moves: MovesTally;
  moves_text: string;
}

/** A self-check's results; a practice round's also name the round's scenarios. */
export interface SelfCheckResult {
  bank: Id;
  kind: "self-check";
  score: number;
  max_score: number;
  score_text: string;
  answered: number;
  total: number;
  answered_text: string;
  unanswered: Id[];
  questions: Record<string, QuestionResult>;
  criteria: Record<string, SignProfile>;
  summary: SelfCheckSummary;
  round?: Id[];
}

/** A reason for the recommendation. */
export interface Reason {
  factor: Id;
  name: string;
  statement: Id | null;
  answer: Id | null;
  answer_label: string;
  text: string;
  section: Section;
}

/** A recommendation for the reader's own negotiation. */
export interface AssessmentResult {
  bank: Id;
  kind: "assessment";
  recommendation: Id;
  recommendation_label: string;
  rule: Id | null;
  advice: string;
  reasons: Reason[];
  next_steps: string[];
  section: Section;
  signs: Record<string, { name: string; level: "strong" | "yes" | "neutral" | "no"; weighs: boolean; section: Section; }>;
  checks: Record<string, "strong" | "yes" | "neutral" | "no">;
  answered: number;
  total: number;
  unanswered: Id[];
  unanswered_text: string;
  disclaimer: string;
}

/** The results of any bank, by its kind. */
export type Result = SelfCheckResult | AssessmentResult;

/** One practice round, as the reader's history keeps it: what was chosen. */
export interface HistoryEntry {
  bank: Id;
  round: Id[];
  questions: Record<string, { chosen: { id: Id; }[]; }>;
}

/** One sign in one round. */
export interface RoundCounts {
  present: number;
  spotted: number;
  flagged_absent: number;
}

/** One sign across the reader's rounds. */
export interface SignProgress {
  id: Id;
  name: string;
  section: Section;
  rounds: RoundCounts[];
  mastered: boolean;
  weakness: number;
  text: string;
}

/** The reader's progress across their practice rounds. */
export interface Progress {
  bank: Id;
  rounds: number;
  practised: number;
  scenarios: number;
  mastery: { streak: number; text: string; };
  signs: Record<string, SignProgress>;
  mastered: Id[];
  focus: Id[];
  text: string;
}

/** A reader's answers, feedback and results on one bank (quiz-store.js). */
export interface SavedProgress {
  v: 3;
  hash: string;
  answers: Answers;
  feedback: Record<string, QuestionResult>;
  results: Result | null;
}

/** A round: its scenarios, its seed, where the reader is, whether it is recorded. */
export interface PlannedRound {
  ids: Id[];
  seed: Seed;
  index?: number;
  recorded?: boolean;
}

/** A reader's practice rounds on one bank (quiz-history.js). */
export interface SavedRounds {
  v: 1;
  hash: string;
  entries: HistoryEntry[];
  current: PlannedRound | null;
  next: PlannedRound | null;
  progress: Progress | null;
}
