package dev.sonde.report.diff;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

class DiffSimulationTest {

    @Test
    void explore() {
        DiffRule rule = new DiffRule(DiffRule.DEFAULT_THRESHOLD_PERCENT, DiffSimulation.everyBoundedMetric(),
                DiffRule.DEFAULT_MIN_COUNT, DiffRule.DEFAULT_MIN_DELTA_NANOS, DiffRule.DEFAULT_MIN_DELTA_BYTES);
        String[] names = {"lognormal", "bimodal", "pareto"};
        DiffSimulation.Distribution[] ds = {DiffSimulation.LOGNORMAL, DiffSimulation.BIMODAL, DiffSimulation.PARETO};
        int[] ns = {50, 200, 1000, 3000, 10000, 100000};
        int[] trials = {1000, 1000, 500, 300, 200, 40};
        long start = System.nanoTime();
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < ns.length; i++) {
                Map<Metric, Double> aa = new DiffSimulation(rule, ds[d], 1).regressionRates(ns[i], trials[i], 1, 0);
                Map<Metric, Double> aaNoise = new DiffSimulation(rule, ds[d], 2).regressionRates(ns[i], trials[i], 1, 0.03);
                Map<Metric, Double> power = new DiffSimulation(rule, ds[d], 3).regressionRates(ns[i], trials[i], 1.3, 0);
                System.out.println(names[d] + " n=" + ns[i] + " AA " + aa + "\n   AAnoise " + aaNoise + "\n   power " + power);
            }
        }
        System.out.println("took " + (System.nanoTime() - start) / 1e9 + " s");
    }
}
