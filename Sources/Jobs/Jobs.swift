// The in-process job queue and worker pool. See the README's "Source code layout".
