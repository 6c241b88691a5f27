"""Names of law enforcement agencies for the long sharing reports."""

from __future__ import annotations

import random


def words(text: str) -> list[str]:
    """Split a space-separated name list."""
    return text.split()


CA_CITIES = words(
    "Alameda Albany Alhambra Anaheim Antioch Arcadia Arcata Atascadero Atherton Auburn Azusa "
    "Bakersfield Banning Barstow Beaumont Belmont Benicia Berkeley Brawley Brea Brentwood "
    "Broadmoor Burbank Burlingame Calexico Campbell Carlsbad Ceres Chico Chino Chowchilla "
    "Claremont Clayton Clearlake Clovis Coalinga Colma Colton Concord Corona Coronado Covina "
    "Cypress Danville Davis Delano Dinuba Dixon Downey Eureka Exeter Fairfield Farmersville "
    "Ferndale Firebaugh Folsom Fontana Fortuna Fremont Fresno Fullerton Galt Gardena Gilroy "
    "Glendale Glendora Gonzales Grass Hanford Hawthorne Hayward Healdsburg Hemet Hercules "
    "Hermosa Hillsborough Hollister Huron Indio Inglewood Irvine Irwindale Kensington Kerman "
    "Kingsburg Lakeport Lincoln Lindsay Livermore Livingston Lodi Lompoc Madera Manteca "
    "Maywood Menifee Merced Millbrae Milpitas Modesto Monrovia Montclair Montebello Monterey "
    "Moraga Morgan Murrieta Napa Newark Newman Novato Oakdale Oakland Oceanside Ontario Orange "
    "Orinda Oroville Oxnard Pacifica Palmdale Parlier Petaluma Piedmont Pinole Pittsburg "
    "Placentia Placerville Pleasanton Pomona Porterville Redding Redlands Reedley Rialto "
    "Richmond Ridgecrest Ripon Riverside Rocklin Roseville Salinas Sanger Seaside Selma "
    "Sonoma Sonora Stockton Suisun Sunnyvale Susanville Taft Tiburon Torrance Tracy Truckee "
    "Tulare Turlock Tustin Ukiah Upland Vacaville Vallejo Ventura Visalia Watsonville "
    "Weed Westminster Whittier Willits Windsor Woodland Yreka"
)
CA_COUNTIES = words(
    "Alameda Alpine Amador Butte Calaveras Colusa Contra-Costa Del-Norte El-Dorado Fresno "
    "Glenn Humboldt Imperial Inyo Kern Kings Lake Lassen Madera Marin Mariposa Mendocino "
    "Merced Modoc Mono Monterey Napa Nevada Orange Placer Plumas Riverside Sacramento "
    "San-Benito San-Bernardino San-Joaquin San-Luis-Obispo San-Mateo Santa-Barbara "
    "Santa-Clara Santa-Cruz Shasta Sierra Siskiyou Solano Sonoma Stanislaus Sutter Tehama "
    "Trinity Tulare Tuolumne Ventura Yolo Yuba"
)
OTHER = {
    "AZ": "Avondale Buckeye Casa-Grande Chandler Flagstaff Gilbert Glendale Goodyear Kingman "
    "Mesa Nogales Peoria Phoenix Prescott Scottsdale Sierra-Vista Surprise Tempe Tucson Yuma",
    "NV": "Boulder-City Carson-City Elko Fallon Henderson Las-Vegas Mesquite North-Las-Vegas "
    "Reno Sparks",
    "TX": "Abilene Amarillo Arlington Austin Baytown Beaumont Brownsville Bryan Conroe "
    "Corpus-Christi Dallas Denton Edinburg El-Paso Frisco Garland Harlingen Houston Irving "
    "Killeen Laredo Lubbock McAllen Midland Mission Odessa Pasadena Pharr Plano San-Angelo "
    "Temple Tyler Waco Weslaco",
    "OR": "Albany Ashland Beaverton Bend Eugene Gresham Hillsboro Medford Salem Springfield Tigard",
    "WA": "Auburn Bellevue Bellingham Bremerton Everett Kennewick Kent Lakewood Olympia Pasco "
    "Renton Spokane Tacoma Vancouver Yakima",
    "UT": "Logan Ogden Orem Provo Sandy St-George Taylorsville West-Jordan West-Valley-City",
    "CO": "Arvada Aurora Boulder Brighton Greeley Lakewood Littleton Longmont Loveland Pueblo "
    "Thornton Westminster",
    "GA": "Albany Athens Augusta Columbus Dalton Gainesville Macon Marietta Roswell Savannah "
    "Smyrna Valdosta",
    "FL": "Boca-Raton Clearwater Coral-Springs Hialeah Hollywood Lakeland Miramar Ocala Orlando "
    "Pembroke-Pines Sunrise Tampa",
    "NM": "Albuquerque Alamogordo Carlsbad Clovis Deming Farmington Gallup Hobbs Las-Cruces "
    "Roswell Santa-Fe Sunland-Park",
    "ID": "Boise Caldwell Coeur-d'Alene Idaho-Falls Meridian Nampa Pocatello Twin-Falls",
    "OK": "Broken-Arrow Edmond Enid Lawton Moore Norman Oklahoma-City Stillwater Tulsa",
    "KS": "Garden-City Dodge-City Lawrence Liberal Manhattan Olathe Overland-Park Topeka Wichita",
    "NC": "Asheville Cary Charlotte Durham Fayetteville Greensboro Raleigh Wilmington",
    "IL": "Aurora Chicago-Heights Cicero Elgin Joliet Naperville Peoria Rockford Waukegan",
    "NJ": "Camden Elizabeth Jersey-City Newark Passaic Paterson Trenton Union-City",
}


def pretty(word: str) -> str:
    """Undo the hyphens used in the name lists."""
    return word.replace("-", " ")


def all_agencies() -> list[str]:
    """Every generated agency name, in a fixed order."""
    names = [f"{c} Police Department, CA" for c in CA_CITIES]
    for county in CA_COUNTIES:
        names.append(f"{pretty(county)} County Sheriff's Office, CA")
        names.append(f"{pretty(county)} County District Attorney, CA")
        names.append(f"{pretty(county)} County Probation Department, CA")
    for state, cities in OTHER.items():
        for city in words(cities):
            names.append(f"{pretty(city)} Police Department, {state}")
    names += [f"California Highway Patrol - {pretty(c)} Area, CA" for c in CA_COUNTIES]
    names += [f"{c} Unified School District Police, CA" for c in CA_CITIES[::3]]
    names += [f"{c} Community College District Police, CA" for c in CA_CITIES[1::2]]
    names += [f"California State University, {c} Police, CA" for c in CA_CITIES[::4]]
    return sorted(set(names))


def sample(count: int, seed: int) -> list[str]:
    """``count`` distinct agency names chosen with a fixed seed, sorted."""
    names = all_agencies()
    return sorted(random.Random(seed).sample(names, count))
