package io.chipbet.platform.contract.fab;

/**
 * Where a fab project stands. The stages run in declaration order up to {@code VOLUME_PRODUCTION};
 * {@code PAUSED} (resumable) and {@code CANCELLED} (final) stand outside it.
 */
public enum FabStatus {
    ANNOUNCED, PERMITTING, UNDER_CONSTRUCTION, TOOL_INSTALL, RISK_PRODUCTION, VOLUME_PRODUCTION, PAUSED, CANCELLED;

    public boolean isStage() {
        return this != PAUSED && this != CANCELLED;
    }
}
