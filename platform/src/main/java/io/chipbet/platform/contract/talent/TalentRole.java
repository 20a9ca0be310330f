package io.chipbet.platform.contract.talent;

public enum TalentRole {
    ENGINEER, TECHNICIAN, COMPUTER_SCIENTIST, CONSTRUCTION_TRADES
}
