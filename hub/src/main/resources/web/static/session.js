/* The centre's view (issue 8) will live here. */
