package io.chipbet.projection.model;

import io.chipbet.platform.contract.fab.CustomerStatus;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.fab.FabStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tracked fabs as the model reads them, in primitive arrays: what each can add, from when, and
 * the slip its region lets it expect. Kept current one fab at a time on the ingest path; a fab's
 * change rebuilds the slips of its region only. {@link #snapshot()} copies it for the simulation.
 */
final class FabBook {

    static final byte EXCLUDED = 0;
    static final byte PRODUCING = 1;
    static final byte PLANNED = 2;
    static final byte PAUSED = 3;
    /** Planned, but reported to have no customer: it may pause (docs/model.md, "Fabs without a customer"). */
    static final byte NO_CUSTOMER = 4;

    private final ModelConfig config;
    private final Map<UUID, Integer> slots = new HashMap<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final List<String> regions = new ArrayList<>();
    private final List<RegionSlips> slips = new ArrayList<>();

    private FabState[] states = new FabState[16];
    private byte[] kind = new byte[16];
    private double[] start = new double[16];
    private double[] nameplate = new double[16];
    private int[] region = new int[16];
    private int[] ownIndex = new int[16];
    /** The slip at u = 0.1, 0.5 and 0.9, for the evaluations with fixed draws. */
    private double[][] slipAt = new double[16][];
    private int size;

    FabBook(ModelConfig config) {
        this.config = config;
    }

    /** Stores a fab's new state and rebuilds the slips of the regions it left and joined. */
    void put(FabState fab) {
        Integer slot = slots.get(fab.id());
        int previousRegion = -1;
        if (slot == null) {
            slot = size++;
            grow();
            slots.put(fab.id(), slot);
        } else {
            previousRegion = region[slot];
        }
        states[slot] = fab;
        region[slot] = regionOf(fab.region());
        kind[slot] = kindOf(fab);
        start[slot] = startOf(fab);
        nameplate[slot] = fab.capacityWafersPerMonth() == null ? 0 : fab.capacityWafersPerMonth();
        rebuild(region[slot]);
        if (previousRegion >= 0 && previousRegion != region[slot]) {
            rebuild(previousRegion);
        }
    }

    void clear() {
        slots.clear();
        regionIndex.clear();
        regions.clear();
        slips.clear();
        size = 0;
    }

    int size() {
        return size;
    }

    FabState state(int slot) {
        return states[slot];
    }

    String regionName(int regionIndex) {
        return regions.get(regionIndex);
    }

    byte kind(int slot) {
        return kind[slot];
    }

    /** Why a fab adds nothing, or null if it may. */
    String exclusion(int slot) {
        FabState fab = states[slot];
        if (!config.fabs().nodeClasses().contains(fab.nodeClass())) {
            return "node class " + fab.nodeClass() + " is outside the model's scope";
        }
        if (fab.status() == FabStatus.CANCELLED) {
            return "cancelled";
        }
        if (fab.capacityWafersPerMonth() == null || fab.capacityWafersPerMonth() == 0) {
            return "no capacity on record";
        }
        if (kind[slot] == EXCLUDED) {
            return "no production date on record";
        }
        return null;
    }

    RegionSlips slipsOf(int slot) {
        return slips.get(region[slot]);
    }

    int ownIndex(int slot) {
        return ownIndex[slot];
    }

    /**
     * An immutable copy for the simulation thread, with each fab's slip draw resolved to a few constants.
     * The fabs are in id order: the samples' draws go to the same fabs whatever order the facts arrived
     * in, so one record gives one answer, on every replica and after every restart.
     */
    Fabs snapshot() {
        RegionSlips[] regionSlips = slips.toArray(new RegionSlips[0]);
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, java.util.Comparator.comparing((Integer slot) -> states[slot].id()));
        byte[] kinds = new byte[size];
        double[] starts = new double[size];
        double[] nameplates = new double[size];
        int[] regionOf = new int[size];
        int[] own = new int[size];
        double[][] slipsAt = new double[size][];
        SlipDraws draws = new SlipDraws(size);
        for (int i = 0; i < size; i++) {
            int slot = order[i];
            kinds[i] = kind[slot];
            starts[i] = start[slot];
            nameplates[i] = nameplate[slot];
            regionOf[i] = region[slot];
            own[i] = ownIndex[slot];
            slipsAt[i] = slipAt[slot];
            regionSlips[region[slot]].draw(ownIndex[slot], draws, i);
        }
        return new Fabs(size, kinds, starts, nameplates, regionOf, own, slipsAt, regionSlips, regions.toArray(new String[0]), draws);
    }

    /** The live arrays, for the ingest thread's own evaluations with fixed draws: no copy. */
    Fabs live() {
        return new Fabs(size, kind, start, nameplate, region, ownIndex, slipAt, slips.toArray(new RegionSlips[0]),
                regions.toArray(new String[0]), null);
    }

    /**
     * The arrays an evaluation reads (the first {@code size} entries): the ingest thread's own, or a
     * snapshot's copy. {@code draws} is only in a snapshot: what a Monte Carlo sample needs per fab.
     */
    record Fabs(int size, byte[] kind, double[] start, double[] nameplate, int[] region, int[] ownIndex, double[][] slipAt,
                RegionSlips[] slips, String[] regions, SlipDraws draws) {
    }

    /**
     * Each fab's further-slip draw with its constants worked out once, as parallel arrays (the Monte Carlo
     * reads them per sample and fab): from u, the prior (an exponential with mean {@code priorMean})
     * below {@code priorShare}, else a peer's observed slip, the fab's own left out.
     */
    static final class SlipDraws {
        final double[] priorShare;
        final double[] priorScale;
        final double[] priorMean;
        final double[] peerScale;
        final int[] lastPeer;
        final int[] ownIndex;
        final double[][] peers;

        SlipDraws(int size) {
            priorShare = new double[size];
            priorScale = new double[size];
            priorMean = new double[size];
            peerScale = new double[size];
            lastPeer = new int[size];
            ownIndex = new int[size];
            peers = new double[size][];
        }

        double slip(int fab, double u) {
            double prior = priorShare[fab];
            if (u < prior) {
                return priorMean[fab] * RegionSlips.exponential((int) (u * priorScale[fab]));
            }
            int index = Math.min(lastPeer[fab], (int) ((u - prior) * peerScale[fab]));
            // Past the fab's own observation, one further: without a branch, which u would mispredict half the time.
            index += (ownIndex[fab] - 1 - index) >>> 31;
            return peers[fab][index];
        }
    }

    private byte kindOf(FabState fab) {
        if (!config.fabs().nodeClasses().contains(fab.nodeClass()) || fab.status() == FabStatus.CANCELLED
                || fab.capacityWafersPerMonth() == null || fab.capacityWafersPerMonth() == 0) {
            return EXCLUDED;
        }
        if (fab.status() == FabStatus.VOLUME_PRODUCTION || fab.actualProductionDate() != null) {
            return PRODUCING;
        }
        if (fab.plannedProductionDate() == null) {
            return EXCLUDED;
        }
        if (fab.status() == FabStatus.PAUSED) {
            return PAUSED;
        }
        return fab.customerStatus() == CustomerStatus.NONE_REPORTED ? NO_CUSTOMER : PLANNED;
    }

    private static double startOf(FabState fab) {
        if (fab.actualProductionDate() != null) {
            return Months.of(fab.actualProductionDate());
        }
        if (fab.plannedProductionDate() != null) {
            return Months.of(fab.plannedProductionDate());
        }
        // In volume production with no date on record: producing since it was announced, at the latest.
        return Months.of(fab.announcedOn());
    }

    private int regionOf(String name) {
        return regionIndex.computeIfAbsent(name, key -> {
            regions.add(key);
            slips.add(new RegionSlips(new double[0], priorMean(key), config.fabs().slipPriorWeight().value()));
            return regions.size() - 1;
        });
    }

    private double priorMean(String regionName) {
        ModelConfig.Figure ratio = config.fabs().buildTimeRatio().get(regionName);
        return config.fabs().slipPriorMeanMonths().value() * (ratio == null ? 1 : ratio.value());
    }

    /** The region's observed slips changed: rebuild its mixture and each of its fabs' place in it. */
    private void rebuild(int regionIdx) {
        double[] observed = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (region[i] == regionIdx && states[i].status() != FabStatus.CANCELLED && states[i].slipMonths() != null) {
                observed[n++] = Math.max(0, states[i].slipMonths());
            }
        }
        RegionSlips rebuilt = new RegionSlips(Arrays.copyOf(observed, n), priorMean(regions.get(regionIdx)),
                config.fabs().slipPriorWeight().value());
        slips.set(regionIdx, rebuilt);
        for (int i = 0; i < size; i++) {
            if (region[i] == regionIdx) {
                boolean observedHere = states[i].status() != FabStatus.CANCELLED && states[i].slipMonths() != null;
                ownIndex[i] = observedHere ? rebuilt.indexOf(Math.max(0, states[i].slipMonths())) : -1;
                slipAt[i] = new double[] {rebuilt.quantile(0.1, ownIndex[i]), rebuilt.quantile(0.5, ownIndex[i]),
                        rebuilt.quantile(0.9, ownIndex[i])};
            }
        }
    }

    private void grow() {
        if (size <= states.length) {
            return;
        }
        int capacity = states.length * 2;
        states = Arrays.copyOf(states, capacity);
        kind = Arrays.copyOf(kind, capacity);
        start = Arrays.copyOf(start, capacity);
        nameplate = Arrays.copyOf(nameplate, capacity);
        region = Arrays.copyOf(region, capacity);
        ownIndex = Arrays.copyOf(ownIndex, capacity);
        slipAt = Arrays.copyOf(slipAt, capacity);
    }
}
