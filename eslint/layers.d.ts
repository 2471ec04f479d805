import type { Linter } from "eslint";

export declare const layerRules: Linter.Config;
export declare const singleWriterRules: Linter.Config;
