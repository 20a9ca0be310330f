package io.chipbet.talent.pool;

import io.chipbet.platform.history.ChangeEntryRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TalentPoolChangeRepository implements ChangeEntryRepository<TalentPoolChange> {
}
