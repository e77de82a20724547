/**
 * An input error tied to one field, its path dotted from the mutation's input argument
 * (`password`, `ein`, `products.0.htsCode`): SPEC X-1.
 */
export interface FieldError {
  path: string;
  message: string;
}

/** Collects field errors; a validator returns the list, empty when the input is valid. */
export type Validation = FieldError[];

