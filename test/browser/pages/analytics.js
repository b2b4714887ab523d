window.analyticsFileRuns = (window.analyticsFileRuns || 0) + 1;
