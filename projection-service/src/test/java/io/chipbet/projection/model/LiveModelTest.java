package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.FabStatus;
import io.chipbet.platform.contract.funding.CommitmentStatus;
import io.chipbet.platform.contract.funding.Purpose;
import io.chipbet.projection.Events;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The incremental model must give exactly what a full evaluation gives, whatever the history. */
class LiveModelTest {

    private static final CommitmentStatus[] STATUSES = CommitmentStatus.values();
    private static final Purpose[] PURPOSES = Purpose.values();
    private static final FabStatus[] FAB_STATUSES = FabStatus.values();

    @Test
    void matchesAFullEvaluationAfterEveryEventOfRandomHistories() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            LiveModel live = new LiveModel(ModelTest.CONFIG);
            List<UUID> commitments = ids(30);
            List<UUID> fabs = ids(5);
            List<UUID> pools = ids(3);
            for (int event = 0; event < 400; event++) {
                live.put(randomState(random, commitments, fabs, pools, event));
                Score expected = Model.evaluate(ModelTest.CONFIG, live.inputs());
                assertEquals(expected, live.score(), "seed " + seed + ", event " + event);
            }
        }
    }

    @Test
    void clearingForgetsEverything() {
        LiveModel live = new LiveModel(ModelTest.CONFIG);
        UUID id = UUID.randomUUID();
        live.put(Events.commitment(id, "X", "1000000000", Purpose.FABS, CommitmentStatus.DISBURSED, "1000000000", 2));
        live.clear();
        assertEquals(Model.evaluate(ModelTest.CONFIG, new Inputs()), live.score());
    }

    private static Object randomState(Random random, List<UUID> commitments, List<UUID> fabs, List<UUID> pools, int version) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            String amount = String.valueOf(1 + random.nextInt(50_000)) + "000000";
            CommitmentStatus status = STATUSES[random.nextInt(STATUSES.length)];
            String disbursed = status == CommitmentStatus.DISBURSED ? amount : "0";
            return Events.commitment(pick(random, commitments), "Investor", amount, PURPOSES[random.nextInt(PURPOSES.length)],
                    status, disbursed, version);
        }
        if (kind < 9) {
            LocalDate planned = LocalDate.of(2026 + random.nextInt(8), 1 + random.nextInt(12), 1);
            return Events.fab(pick(random, fabs), "Fab", FAB_STATUSES[random.nextInt(FAB_STATUSES.length)],
                    10_000 + random.nextInt(90_000), random.nextBoolean() ? 1_000 + random.nextInt(5_000) : null, planned,
                    random.nextBoolean() ? planned.minusMonths(3) : null, version);
        }
        return Events.pool(pick(random, pools), random.nextInt(400_000), random.nextInt(20_000), 2022 + random.nextInt(4), version);
    }

    private static UUID pick(Random random, List<UUID> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
