"""Packing Station: scan an Amazon Vendor Direct Fulfillment PO, print its label and packing slip,
take the cartons, and confirm the shipment exactly once."""

__all__ = ["__version__"]

__version__ = "0.1.0"
