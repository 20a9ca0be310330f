package io.chipbet.fab.fab;

import io.chipbet.platform.history.ChangeEntryRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FabChangeRepository implements ChangeEntryRepository<FabChange> {
}
