# bad: a quote selector with its exact text removed
# shape: spsh:TextQuoteSelectorShape
# problem: ontology/shapes.ttl: shape violation of spsh:TextQuoteSelectorShape at <https://w3id.org/soviet-policy-kg/anno/statement/molotov-replaced-litvinov/quote> (path <http://www.w3.org/ns/oa#exact>): Every oa:TextQuoteSelector must have exactly one oa:exact, a non-empty xsd:string: the verbatim passage.
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
DELETE { ?q oa:exact ?e } WHERE { st:molotov-replaced-litvinov spo:hasAnchor/oa:hasTarget/oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?e }
