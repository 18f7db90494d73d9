package org.sovietpolicykg.graph;

import java.nio.file.Path;

import org.sovietpolicykg.diagnostics.Problems;

/**
 * What every graph of one build shares: the project it reads, where its problems go (all reported together), and the
 * curated graph's ids.
 */
record Build(Path projectDir, Problems problems, CuratedIds ids) {}
