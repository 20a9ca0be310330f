package io.chipbet.platform.security;

/** The roles that chipbet's tokens carry in their {@code groups} claim. */
public final class Roles {

    /** May change facts: create, revise, move through a lifecycle. Reads need no role. */
    public static final String EDITOR = "editor";

    private Roles() {
    }
}
