"""A stateful simulator of Amazon's Vendor Direct Fulfillment APIs, served over loopback HTTP.

For demos, training and tests without an Amazon account. Start it from Python::

    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer

    with SimulatorServer(SimulatorConfig(seed=7)) as sim:
        sim.base_url           # point STATION_SPAPI_URL here
        sim.lwa_url            # and STATION_LWA_URL here
        sim.scannable_pos(5)   # NEW US orders in book order: stable for a seed

or from the command line: ``station simulator [--port N] [--seed S] [--orders N] …``.

Where things are: ``orderbook`` (the seeded POs, special cases first), ``api`` (routes, tokens,
usage plans), ``rules`` (asynchronous business rules and the table of error codes), ``admin`` (the
``/_simulator/`` endpoints), ``sandbox`` (``--static-sandbox``), ``server`` (HTTP, faults, network
cut). Nothing is imported here, so ``import station.simulator`` stays free.
"""
