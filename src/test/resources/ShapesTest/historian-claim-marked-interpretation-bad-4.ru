# bad: a historian's claim marked as the curators' interpretation
# shape: spsh:InterpretationClaimShape
# problem: ontology/shapes.ttl: shape violation of spsh:InterpretationClaimShape at claim:conquest-suspected: A claim with spo:isInterpretation true must be claimed by the curator team (spd:curators); the essay's own claims carry false. [value: claim:conquest-suspected]
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
DELETE { cl:conquest-suspected spo:isInterpretation false } INSERT { cl:conquest-suspected spo:isInterpretation true } WHERE { }
