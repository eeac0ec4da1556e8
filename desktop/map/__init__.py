"""The embedded map: its HTML page (folium over local Leaflet), the web view and its data."""
