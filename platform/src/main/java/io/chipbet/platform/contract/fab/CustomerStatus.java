package io.chipbet.platform.contract.fab;

/**
 * Whether a fab has a customer for its output, as reported. Absent when nothing is on record: the
 * model then assumes nothing either way. A fab reported to have none may pause (docs/model.md).
 */
public enum CustomerStatus {
    /** A customer for the fab's output is reported. */
    SECURED,
    /** The fab is reported to have no customer for its output yet. */
    NONE_REPORTED
}
