# bad: the Great Purge with its time span removed: the essay dates it 1937
# shape: spsh:DatedEventShape
# problem: ontology/shapes.ttl: shape violation of spsh:DatedEventShape at spd:great-purge (path <https://w3id.org/soviet-policy-kg/ontology#timeSpan>): Every event and decision must have exactly one spo:timeSpan, a spo:TimeSpan with the essay's own words for the time (spo:essayPhrase).
PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>
PREFIX spd: <https://w3id.org/soviet-policy-kg/id/>
PREFIX spc: <https://w3id.org/soviet-policy-kg/concept/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX cl: <https://w3id.org/soviet-policy-kg/claim/>
PREFIX lk: <https://w3id.org/soviet-policy-kg/link/>
PREFIX st: <https://w3id.org/soviet-policy-kg/statement/>
WITH <https://w3id.org/soviet-policy-kg/graph/curated>
DELETE { spd:great-purge spo:timeSpan ?t } WHERE { spd:great-purge spo:timeSpan ?t }
