package io.chipbet.talent.pool;

import io.chipbet.platform.history.ChangeEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One entry of a pool's history. */
@Entity
@Table(name = "talent_pool_change", indexes = @Index(name = "talent_pool_change_history", columnList = "aggregate_id, version"))
public class TalentPoolChange extends ChangeEntry {
}
