# bad: a second thesis for the essay
# shape: spsh:EssayShape
# problem: ontology/shapes.ttl: shape violation of spsh:EssayShape at <https://w3id.org/soviet-policy-kg/text/essay> (path <https://w3id.org/soviet-policy-kg/ontology#thesis>): A text has at most one spo:thesis (one claim with argument role spc:thesis), a spo:Claim.
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
INSERT { <https://w3id.org/soviet-policy-kg/text/essay> spo:thesis cl:author-industry-army } WHERE {}
