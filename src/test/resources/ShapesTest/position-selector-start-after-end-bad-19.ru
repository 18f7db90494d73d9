# bad: a position selector whose start is not before its end
# shape: spsh:TextPositionSelectorShape
# problem: ontology/shapes.ttl: shape violation of spsh:TextPositionSelectorShape at <https://w3id.org/soviet-policy-kg/anno/statement/molotov-replaced-litvinov/position> (path <http://www.w3.org/ns/oa#start>): Every oa:TextPositionSelector must have exactly one oa:start, an xsd:nonNegativeInteger less than its oa:end. [value: "9999"^^xsd:nonNegativeInteger]
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
DELETE { ?p oa:start ?s } INSERT { ?p oa:start "9999"^^xsd:nonNegativeInteger } WHERE { st:molotov-replaced-litvinov spo:hasAnchor/oa:hasTarget/oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?s }
