package io.chipbet.funding.commitment;

import io.chipbet.platform.history.ChangeEntryRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CommitmentChangeRepository implements ChangeEntryRepository<CommitmentChange> {
}
